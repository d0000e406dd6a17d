/* SPDX-License-Identifier: GPL-3.0-or-later */
/* self.c - the folder of the running program (self.h). */
#include "core/self.h"

#include <string.h>
#include <unistd.h>

bool self_dir(char *out, size_t outsz)
{
	ssize_t n = readlink("/proc/self/exe", out, outsz);
	char *slash;

	if (n <= 0 || (size_t)n >= outsz)
		return false;
	out[n] = '\0';
	slash = strrchr(out, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}
