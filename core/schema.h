/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema.h - the numbered migrations of the database. Migration N brings
 * user_version N-1 to N; landed migrations are never edited. */
#ifndef HD_SCHEMA_H
#define HD_SCHEMA_H

/* The SQL of migrations 1..schema_count(), or NULL beyond. */
const char *schema_migration(int version);

/* The number of migrations (the latest user_version). */
int schema_count(void);

#endif
