/*
 * encoding.h: the extension's own text (UTF-8) in the database encoding,
 * and input in the database encoding as UTF-8 for the parsers.
 */
#ifndef SECPACT_ENCODING_H
#define SECPACT_ENCODING_H

#include "postgres.h"

/*
 * UTF-8 text of the extension's own (names, the chart) in the database
 * encoding.  A letter the encoding lacks is written without its accent
 * (Côte d'Ivoire as Cote d'Ivoire); any other character it lacks raises
 * untranslatable_character.  SQL_ASCII and UTF8 databases get the bytes as
 * they are.  May return s itself; *outlen is the result's length.
 */
extern char *secpact_utf8_to_server(const char *s, size_t len, size_t *outlen);

/* The name of party_table[row], as above, converted once per backend. */
extern const char *secpact_party_name(int row);

/*
 * Text in the database encoding as UTF-8, for the parsers of the pure core;
 * NULL when it holds a character Unicode lacks (it then names no party).
 * May return s itself.
 */
extern const char *secpact_server_to_utf8(const char *s, size_t len, size_t *outlen);

#endif
