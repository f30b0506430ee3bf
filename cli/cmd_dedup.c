/* cmd_dedup.c - tidings dedup [--json] [--threshold J] PATH...: copies only. */
#include <string.h>

#include "cli.h"

int cmd_dedup(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("dedup is not available yet");
    return EXIT_FATAL;
}
