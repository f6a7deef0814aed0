/*
 * test_rng.h: the deterministic random numbers of the randomized unit
 * tests (xorshift64*), so that a failure reproduces.  A test file may
 * define TEST_RNG_SEED before including it.
 */
#ifndef SECPACT_TEST_RNG_H
#define SECPACT_TEST_RNG_H

#include <stdint.h>

#ifndef TEST_RNG_SEED
#define TEST_RNG_SEED 0x9E3779B97F4A7C15ull
#endif

static uint64_t rng_state = TEST_RNG_SEED;

/* A number in [0, bound). */
static inline uint32_t
rng(uint32_t bound)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t) ((rng_state * 2685821657736338717ull) >> 33) % bound;
}

#endif
