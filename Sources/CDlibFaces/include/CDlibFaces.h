#pragma once
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// dlib's face pipeline behind a C boundary: the HOG frontal face detector, the 5-point shape
/// predictor and the ResNet that turns an aligned 150x150 face chip into a 128-D descriptor.
/// No C++ exception crosses this boundary: every failure comes back as a message.
typedef struct reel_faces reel_faces;

/// One face: its box in the image's pixels and its descriptor.
typedef struct reel_face {
    int32_t left, top, right, bottom;
    float descriptor[128];
} reel_face;

/// Loads the two dlib model files (`shape_predictor_5_face_landmarks.dat` and
/// `dlib_face_recognition_resnet_model_v1.dat`). NULL on failure, with the reason in `message`.
reel_faces *reel_faces_open(const char *shape_predictor_path, const char *recognition_model_path,
                            char *message, size_t message_capacity);

/// Frees a handle from `reel_faces_open`. NULL is ignored.
void reel_faces_close(reel_faces *faces);

/// Finds the faces in packed RGB pixels (3 bytes a pixel, rows top to bottom, no padding),
/// upsampling the image `upsample` times first to find small faces. Writes up to `capacity`
/// faces into `out` (largest first) and returns how many were found (which may be more), or -1
/// with the reason in `message`. Calls on one handle are serialised by the handle itself.
int32_t reel_faces_describe(reel_faces *faces, const uint8_t *rgb, int32_t width, int32_t height,
                            int32_t upsample, reel_face *out, int32_t capacity, char *message,
                            size_t message_capacity);

#ifdef __cplusplus
}
#endif
