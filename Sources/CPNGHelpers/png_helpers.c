#include "CPNGHelpers.h"

#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

typedef struct reel_png_errors {
    char *message;
    size_t capacity;
} reel_png_errors;

static void reel_png_error(png_structp png, png_const_charp text) {
    reel_png_errors *errors = (reel_png_errors *)png_get_error_ptr(png);
    if (errors != NULL && errors->message != NULL && errors->capacity > 0) {
        snprintf(errors->message, errors->capacity, "%s", text);
    }
    png_longjmp(png, 1);
}

static void reel_png_warning(png_structp png, png_const_charp text) {
    (void)png;
    (void)text;
}

reel_png_status reel_png_read_rows(FILE *file, int max_side, int *width, int *height, reel_png_row_sink sink,
                                   void *context, char *message, size_t message_capacity) {
    reel_png_errors errors = {message, message_capacity};
    if (message != NULL && message_capacity > 0) {
        message[0] = '\0';
    }
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &errors, reel_png_error, reel_png_warning);
    if (png == NULL) {
        snprintf(message, message_capacity, "out of memory");
        return REEL_PNG_FAILED;
    }
    png_infop info = png_create_info_struct(png);
    // Volatile: set after setjmp and read after a jump back to it.
    uint8_t *volatile row = NULL;
    volatile reel_png_status unsupported = REEL_PNG_OK;
    if (info == NULL || setjmp(png_jmpbuf(png))) {
        free(row);
        png_destroy_read_struct(&png, &info, NULL);
        return unsupported != REEL_PNG_OK ? unsupported : REEL_PNG_FAILED;
    }
    png_set_user_limits(png, (png_uint_32)max_side, (png_uint_32)max_side);
    png_init_io(png, file);
    png_read_info(png, info);
    png_uint_32 w = png_get_image_width(png, info);
    png_uint_32 h = png_get_image_height(png, info);
    int depth = png_get_bit_depth(png, info);
    int color = png_get_color_type(png, info);
    double gamma = 0;
    // libpng's simplified reader, which decodes whole images, converts 16-bit samples and
    // non-sRGB gammas; rather than imitate it, those files are decoded whole.
    int odd_gamma = png_get_valid(png, info, PNG_INFO_gAMA) && png_get_gAMA(png, info, &gamma) &&
                    fabs(gamma - 0.45455) > 0.01 && !png_get_valid(png, info, PNG_INFO_sRGB);
    if (depth > 8 || png_get_interlace_type(png, info) != PNG_INTERLACE_NONE || odd_gamma) {
        unsupported = REEL_PNG_UNSUPPORTED;
        png_longjmp(png, 1);
    }
    *width = (int)w;
    *height = (int)h;
    png_set_expand(png);
    if (color == PNG_COLOR_TYPE_GRAY || color == PNG_COLOR_TYPE_GRAY_ALPHA) {
        png_set_gray_to_rgb(png);
    }
    if (!(color & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS)) {
        png_set_filler(png, 0xFF, PNG_FILLER_AFTER);
    }
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != (size_t)w * 4) {
        snprintf(message, message_capacity, "unexpected row layout");
        png_longjmp(png, 1);
    }
    row = malloc((size_t)w * 4);
    if (row == NULL) {
        snprintf(message, message_capacity, "out of memory");
        png_longjmp(png, 1);
    }
    for (png_uint_32 y = 0; y < h; y++) {
        png_read_row(png, row, NULL);
        sink(context, row, (int)y);
    }
    png_read_end(png, NULL);
    free(row);
    row = NULL;
    png_destroy_read_struct(&png, &info, NULL);
    return REEL_PNG_OK;
}
