/* cmd_store.c - ingest, stories, show: the incremental workflow over a database. */
#include <string.h>

#include "cli.h"

int cmd_ingest(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("ingest is not available yet");
    return EXIT_FATAL;
}

int cmd_stories(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("stories is not available yet");
    return EXIT_FATAL;
}

int cmd_show(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_error("show is not available yet");
    return EXIT_FATAL;
}
