#include "CJPEGHelpers.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

// An error manager that records libjpeg's message and jumps back to the helper that started the work,
// so a corrupt or truncated file becomes an error code instead of a call to exit().
typedef struct reel_error_mgr {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    reel_jpeg_status status;
    char *message;
    size_t capacity;
} reel_error_mgr;

static void reel_record(j_common_ptr cinfo, reel_jpeg_status status) {
    reel_error_mgr *err = (reel_error_mgr *)cinfo->err;
    err->status = status;
    if (err->message != NULL && err->capacity > 0) {
        char text[JMSG_LENGTH_MAX];
        (*cinfo->err->format_message)(cinfo, text);
        snprintf(err->message, err->capacity, "%s", text);
    }
}

static void reel_error_exit(j_common_ptr cinfo) {
    reel_record(cinfo, REEL_JPEG_FAILED);
    longjmp(((reel_error_mgr *)cinfo->err)->jump, 1);
}

// Warnings are ignored (many real files carry harmless ones) except a premature end of data: libjpeg
// would pad the picture with grey and report success, but a cut-off download must not pass as an image.
static void reel_emit_message(j_common_ptr cinfo, int level) {
    if (level < 0 && cinfo->err->msg_code == JWRN_JPEG_EOF) {
        reel_record(cinfo, REEL_JPEG_TRUNCATED);
        longjmp(((reel_error_mgr *)cinfo->err)->jump, 1);
    }
    if (level < 0) {
        cinfo->err->num_warnings++;
    }
}

static void reel_install(reel_error_mgr *err, char *message, size_t capacity) {
    jpeg_std_error(&err->pub);
    err->pub.error_exit = reel_error_exit;
    err->pub.emit_message = reel_emit_message;
    err->status = REEL_JPEG_OK;
    err->message = message;
    err->capacity = capacity;
    if (message != NULL && capacity > 0) {
        message[0] = '\0';
    }
}

reel_jpeg_status reel_jpeg_read_size(const uint8_t *data, size_t size, int *width, int *height,
                                     char *message, size_t message_capacity) {
    struct jpeg_decompress_struct cinfo;
    reel_error_mgr err;
    reel_install(&err, message, message_capacity);
    cinfo.err = &err.pub;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return err.status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    *width = (int)cinfo.image_width;
    *height = (int)cinfo.image_height;
    jpeg_destroy_decompress(&cinfo);
    return REEL_JPEG_OK;
}

static void reel_cmyk_to_rgba(const JSAMPLE *cmyk, uint8_t *rgba, JDIMENSION width, boolean inverted) {
    for (JDIMENSION x = 0; x < width; x++) {
        unsigned c = cmyk[4 * x], m = cmyk[4 * x + 1], y = cmyk[4 * x + 2], k = cmyk[4 * x + 3];
        if (!inverted) {
            c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k;
        }
        rgba[4 * x] = (uint8_t)((c * k + 127) / 255);
        rgba[4 * x + 1] = (uint8_t)((m * k + 127) / 255);
        rgba[4 * x + 2] = (uint8_t)((y * k + 127) / 255);
        rgba[4 * x + 3] = 255;
    }
}

reel_jpeg_status reel_jpeg_decode_rgba(const uint8_t *data, size_t size, uint8_t *rgba, size_t rgba_size,
                                       char *message, size_t message_capacity) {
    struct jpeg_decompress_struct cinfo;
    reel_error_mgr err;
    reel_install(&err, message, message_capacity);
    cinfo.err = &err.pub;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return err.status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    boolean cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    jpeg_start_decompress(&cinfo);
    size_t stride = (size_t)cinfo.output_width * 4;
    if (stride * cinfo.output_height != rgba_size || cinfo.output_components != 4) {
        snprintf(message, message_capacity, "decoded size %ux%u does not match the header", cinfo.output_width,
                 cinfo.output_height);
        jpeg_destroy_decompress(&cinfo);
        return REEL_JPEG_FAILED;
    }
    // Allocated from libjpeg's pool so that an error jump cannot leak it.
    JSAMPARRAY scratch = cmyk ? (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, (JDIMENSION)stride, 1)
                              : NULL;
    while (cinfo.output_scanline < cinfo.output_height) {
        uint8_t *row = rgba + stride * cinfo.output_scanline;
        if (cmyk) {
            jpeg_read_scanlines(&cinfo, scratch, 1);
            reel_cmyk_to_rgba(scratch[0], row, cinfo.output_width, cinfo.saw_Adobe_marker);
        } else {
            JSAMPROW rows[1] = {row};
            jpeg_read_scanlines(&cinfo, rows, 1);
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return REEL_JPEG_OK;
}

// A destination that grows a malloc'd buffer we own, so the error path can always free it (libjpeg's
// own memory destination only publishes its buffer at the end).
typedef struct reel_destination {
    struct jpeg_destination_mgr pub;
    uint8_t *buffer;
    size_t capacity;
} reel_destination;

static void reel_dest_init(j_compress_ptr cinfo) {
    (void)cinfo;
}

static boolean reel_dest_empty(j_compress_ptr cinfo) {
    reel_destination *dest = (reel_destination *)cinfo->dest;
    size_t grown = dest->capacity * 2;
    uint8_t *buffer = realloc(dest->buffer, grown);
    if (buffer == NULL) {
        ERREXIT1(cinfo, JERR_OUT_OF_MEMORY, 99);
    }
    dest->pub.next_output_byte = buffer + dest->capacity;
    dest->pub.free_in_buffer = grown - dest->capacity;
    dest->buffer = buffer;
    dest->capacity = grown;
    return TRUE;
}

static void reel_dest_term(j_compress_ptr cinfo) {
    (void)cinfo;
}

reel_jpeg_status reel_jpeg_encode_rgba(const uint8_t *rgba, int width, int height, int quality,
                                       uint8_t **out, size_t *out_size, char *message, size_t message_capacity) {
    struct jpeg_compress_struct cinfo;
    reel_error_mgr err;
    reel_destination dest = {0};
    *out = NULL;
    *out_size = 0;
    reel_install(&err, message, message_capacity);
    dest.capacity = 64 * 1024;
    dest.buffer = malloc(dest.capacity);
    if (dest.buffer == NULL) {
        snprintf(message, message_capacity, "out of memory");
        return REEL_JPEG_FAILED;
    }
    cinfo.err = &err.pub;
    if (setjmp(err.jump)) {
        jpeg_destroy_compress(&cinfo);
        // Read through a volatile lvalue: the destination callbacks may have moved the buffer.
        free(((volatile reel_destination *)&dest)->buffer);
        return err.status;
    }
    jpeg_create_compress(&cinfo);
    dest.pub.init_destination = reel_dest_init;
    dest.pub.empty_output_buffer = reel_dest_empty;
    dest.pub.term_destination = reel_dest_term;
    dest.pub.next_output_byte = dest.buffer;
    dest.pub.free_in_buffer = dest.capacity;
    cinfo.dest = &dest.pub;

    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_EXT_RGBA;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.optimize_coding = TRUE;
    jpeg_start_compress(&cinfo, TRUE);
    size_t stride = (size_t)width * 4;
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW rows[1] = {(JSAMPROW)(rgba + stride * cinfo.next_scanline)};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    *out_size = dest.capacity - dest.pub.free_in_buffer;
    *out = dest.buffer;
    jpeg_destroy_compress(&cinfo);
    return REEL_JPEG_OK;
}

void reel_jpeg_free(uint8_t *buffer) {
    free(buffer);
}

reel_jpeg_status reel_jpeg_read_size_file(FILE *file, int *width, int *height, char *message,
                                          size_t message_capacity) {
    struct jpeg_decompress_struct cinfo;
    reel_error_mgr err;
    reel_install(&err, message, message_capacity);
    cinfo.err = &err.pub;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return err.status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_stdio_src(&cinfo, file);
    jpeg_read_header(&cinfo, TRUE);
    *width = (int)cinfo.image_width;
    *height = (int)cinfo.image_height;
    jpeg_destroy_decompress(&cinfo);
    return REEL_JPEG_OK;
}

reel_jpeg_status reel_jpeg_read_rows(FILE *file, int scale_denom, int width, int height, reel_jpeg_row_sink sink,
                                     void *context, char *message, size_t message_capacity) {
    struct jpeg_decompress_struct cinfo;
    reel_error_mgr err;
    reel_install(&err, message, message_capacity);
    cinfo.err = &err.pub;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return err.status;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_stdio_src(&cinfo, file);
    jpeg_read_header(&cinfo, TRUE);
    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned)scale_denom;
    boolean cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_RGBA;
    jpeg_start_decompress(&cinfo);
    if ((int)cinfo.output_width != width || (int)cinfo.output_height != height || cinfo.output_components != 4) {
        snprintf(message, message_capacity, "scaled size %ux%u is not the expected %dx%d", cinfo.output_width,
                 cinfo.output_height, width, height);
        jpeg_destroy_decompress(&cinfo);
        return REEL_JPEG_FAILED;
    }
    size_t stride = (size_t)cinfo.output_width * 4;
    // Allocated from libjpeg's pool so that an error jump cannot leak them.
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, (JDIMENSION)stride, 1);
    JSAMPARRAY converted =
        cmyk ? (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE, (JDIMENSION)stride, 1) : NULL;
    while (cinfo.output_scanline < cinfo.output_height) {
        int y = (int)cinfo.output_scanline;
        jpeg_read_scanlines(&cinfo, row, 1);
        if (cmyk) {
            reel_cmyk_to_rgba(row[0], converted[0], cinfo.output_width, cinfo.saw_Adobe_marker);
            sink(context, converted[0], y);
        } else {
            sink(context, row[0], y);
        }
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return REEL_JPEG_OK;
}
