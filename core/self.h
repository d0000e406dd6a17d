/* SPDX-License-Identifier: GPL-3.0-or-later */
/* self.h - where the running program is: what it finds beside itself when
 * it runs from its build tree (translations, the printing module) comes
 * before what is installed. */
#ifndef HD_SELF_H
#define HD_SELF_H

#include <stdbool.h>
#include <stddef.h>

/* The folder of the program's file (from /proc/self/exe) into out; false
 * when it cannot be told, or does not fit. */
bool self_dir(char *out, size_t outsz);

#endif
