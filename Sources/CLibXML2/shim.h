#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, so its headers include ICU's; Foundation bundles its own
   ICU module, and the two definitions of UErrorCode clash (intermittently, by build order) in a
   Swift module that imports both. citex never reads the ICU-only fields of
   xmlCharEncodingHandler, so the ICU parts of the headers are hidden. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parserInternals.h>
#include <libxml/entities.h>

/* Swift cannot define C variadic callbacks, so the error silencers live here. */
static void clibxml2_noop_generic(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static void clibxml2_noop_structured(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }

/* Error handlers are per thread: call on each thread that parses. */
static inline void clibxml2_silence_errors(void) {
    xmlSetGenericErrorFunc(NULL, clibxml2_noop_generic);
    xmlSetStructuredErrorFunc(NULL, clibxml2_noop_structured);
}

/* Defaults for threads created after this call. */
static inline void clibxml2_silence_errors_default_for_new_threads(void) {
    xmlThrDefSetGenericErrorFunc(NULL, clibxml2_noop_generic);
    xmlThrDefSetStructuredErrorFunc(NULL, clibxml2_noop_structured);
}
#endif
