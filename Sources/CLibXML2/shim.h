// Debian builds libxml2 with ICU; its encoding.h would pull in ICU headers that clash
// with Foundation's. Dossier needs none of libxml2's ICU support.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
