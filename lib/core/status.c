/* status.c - names of statuses and the version. */
#include "core.h"

TD_API const char *td_strerror(td_status st)
{
    switch (st) {
    case TD_OK: return "success";
    case TD_END: return "end of input";
    case TD_ENOMEM: return "out of memory";
    case TD_EIO: return "input/output error";
    case TD_EEMPTY: return "empty input";
    case TD_EBINARY: return "binary data, not text";
    case TD_EUTF8: return "invalid UTF-8";
    case TD_ETOOBIG: return "input too large";
    case TD_EPARSE: return "malformed input";
    case TD_EFIELD: return "required field missing";
    case TD_EARG: return "invalid argument";
    case TD_EDB: return "database error";
    case TD_ESCHEMA: return "database schema not supported";
    case TD_ELOCKED: return "database is locked";
    case TD_EREADONLY: return "read-only";
    case TD_ECORRUPT: return "file is corrupt";
    case TD_EFORMAT: return "unsupported format";
    case TD_ENOTFOUND: return "not found";
    case TD_STATUS_MAX_: break;
    }
    return "unknown status";
}

TD_API const char *td_version(void) { return TD_VERSION_STRING; }
