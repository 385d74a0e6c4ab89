#pragma once
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/// Outcome of a libjpeg call made through these helpers. libjpeg reports fatal errors by calling
/// `error_exit`, which by default calls `exit()`; these helpers catch them with setjmp/longjmp inside C
/// (Swift cannot unwind through longjmp) and hand back a status and libjpeg's message instead.
typedef enum reel_jpeg_status {
    REEL_JPEG_OK = 0,
    REEL_JPEG_FAILED = 1,
    REEL_JPEG_TRUNCATED = 2,
} reel_jpeg_status;

/// Reads only the header: the image size, without decoding any pixels.
reel_jpeg_status reel_jpeg_read_size(const uint8_t *data, size_t size, int *width, int *height,
                                     char *message, size_t message_capacity);

/// Decodes into `rgba`, which must hold exactly width * height * 4 bytes for the size the header
/// declares. Grey, YCbCr, RGB and (Adobe) CMYK/YCCK sources all come out as opaque RGBA.
reel_jpeg_status reel_jpeg_decode_rgba(const uint8_t *data, size_t size, uint8_t *rgba, size_t rgba_size,
                                       char *message, size_t message_capacity);

/// Encodes RGBA (alpha ignored) at `quality` 1...100 into a buffer allocated with malloc; on success the
/// caller frees `*out` with `reel_jpeg_free`. On failure `*out` is NULL.
reel_jpeg_status reel_jpeg_encode_rgba(const uint8_t *rgba, int width, int height, int quality,
                                       uint8_t **out, size_t *out_size, char *message, size_t message_capacity);

void reel_jpeg_free(uint8_t *buffer);

/// Reads only the header of the JPEG in `file`: the image size, without decoding any pixels.
reel_jpeg_status reel_jpeg_read_size_file(FILE *file, int *width, int *height, char *message,
                                          size_t message_capacity);

/// Receives one decoded row: RGBA pixels (alpha 255), rows in order.
typedef void (*reel_jpeg_row_sink)(void *context, const uint8_t *rgba, int y);

/// Decodes the JPEG in `file` one scanline at a time, scaled by 1/`scale_denom` (1, 2, 4 or 8) in
/// the DCT, handing each row to `sink`; fails unless the scaled size is `width` × `height`
/// (libjpeg rounds up: ceil(side / scale_denom)). Holds one row, never the whole picture.
reel_jpeg_status reel_jpeg_read_rows(FILE *file, int scale_denom, int width, int height, reel_jpeg_row_sink sink,
                                     void *context, char *message, size_t message_capacity);
