/* SPDX-License-Identifier: GPL-3.0-or-later */
/* floor.c - cli_floor: an empty C program linked with nothing but the C
 * library, started the way the cli_ measures start hubdesk, in the same
 * run; the cost of a process itself, which a command's time is read
 * against. */
int main(void)
{
	return 0;
}
