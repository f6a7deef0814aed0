/*
 * dyad_selfuncs.h: what the estimators of dyad operators share, those of @>,
 * <@ and && (dyad_selfuncs.c) and that of = (dyad_support.c).
 */
#ifndef SECPACT_DYAD_SELFUNCS_H
#define SECPACT_DYAD_SELFUNCS_H

#include "postgres.h"

/*
 * Raises an error unless operator is between a dyad and a party (contains)
 * or between two dyads: every estimator reads values with the layouts of
 * dyad and party, and one attached to an operator on other types (only a
 * superuser can) would read pointers as codes or codes as pointers.
 */
extern void dyad_check_estimator_operator(Oid operator, const char *estimator,
										  bool contains);

#endif
