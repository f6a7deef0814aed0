/*
 * citus_shards.h: reading the registry from inside a query on a Citus shard.
 */
#ifndef CITUS_SHARDS_H
#define CITUS_SHARDS_H

/*
 * The relation a query of the registry's supersessions names, as SQL:
 * secpact.agreement, or, inside a Citus task (a query Citus runs on a
 * shard, where it refuses a distributed query), the union of the shards of
 * secpact.agreement on this node (columns id, supersedes, entry_into_force,
 * and entry_into_force_precision from 1.3).
 * Sets *in_task.  Palloc'd in the current context.
 */
extern char *registry_supersessions_source(bool *in_task);

/* The error of secpact.registry_guard() on a worker with a local registry. */
extern void registry_guard_check(void);

/* Whether secpact.agreement is a Citus table distributed by hash. */
extern bool registry_is_distributed(void);

/*
 * A subquery of the agreements that can change a pair's first signing,
 * chosen in the shards of a distributed registry (see citus_shards.c).
 */
extern char *registry_first_signings_in_shards(const char *schema, bool by_kind, const char *where);

#endif
