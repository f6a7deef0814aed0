/*
 * pg_compat.h: what differs between the PostgreSQL majors secpact builds
 * against (15 to 18), in one place, keyed on PG_VERSION_NUM.  Included by
 * secpact.h after postgres.h; the pure core never sees it.
 */
#ifndef SECPACT_PG_COMPAT_H
#define SECPACT_PG_COMPAT_H

#include "postgres.h"

/* 16 moved the varlena macros (VARDATA_ANY, ...) out of postgres.h. */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * 16 added soft input errors: errsave() records the error in an
 * ErrorSaveContext when the caller passed one (pg_input_is_valid, COPY
 * ... ON_ERROR) and raises it otherwise.  15 has neither, so a context is
 * always NULL there and the error is raised.
 */
#if PG_VERSION_NUM >= 160000
#include "nodes/miscnodes.h"
#define SECPACT_ESCONTEXT(fcinfo)	((fcinfo)->context)
#define SECPACT_SOFT_ERROR_OCCURRED(escontext)	SOFT_ERROR_OCCURRED(escontext)
#define SECPACT_ERRSAVE(escontext, ...)	errsave(escontext, __VA_ARGS__)
#else
#define SECPACT_ESCONTEXT(fcinfo)	((Node *) NULL)
#define SECPACT_SOFT_ERROR_OCCURRED(escontext)	false
#define SECPACT_ERRSAVE(escontext, ...)	ereport(ERROR, __VA_ARGS__)
#endif

/*
 * 18 replaced pg_attribute_noreturn() (after a declaration) by pg_noreturn
 * (before it); keep the old spelling working where it is gone.
 */
#ifndef pg_attribute_noreturn
#if defined(__GNUC__) || defined(__clang__)
#define pg_attribute_noreturn() __attribute__((noreturn))
#else
#define pg_attribute_noreturn()
#endif
#endif

/* 18's vacuum_delay_point() says whether it is called from ANALYZE. */
#if PG_VERSION_NUM >= 180000
#define secpact_analyze_delay_point()	vacuum_delay_point(true)
#else
#define secpact_analyze_delay_point()	vacuum_delay_point()
#endif

/* 17 keeps a backend's local transaction id inside its virtual one. */
#if PG_VERSION_NUM >= 170000
#define secpact_local_xid(proc)	((proc)->vxid.lxid)
#else
#define secpact_local_xid(proc)	((proc)->lxid)
#endif

#endif
