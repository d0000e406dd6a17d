/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pg_schema.c - prints the script that makes hubdesk's schema on
 * PostgreSQL (schema_pg_create()), for tests/cli/test_pg_schema.sh. */
#include "core/schema.h"

#include <stdio.h>

int main(void)
{
	return puts(schema_pg_create()) < 0;
}
