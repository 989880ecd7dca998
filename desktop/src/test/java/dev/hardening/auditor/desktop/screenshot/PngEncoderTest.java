package dev.hardening.auditor.desktop.screenshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Decodes with the JDK's own PNG reader, an independent implementation. */
class PngEncoderTest {

    @Test
    void pixels_survive_a_round_trip_through_a_standard_decoder() throws IOException {
        int width = 3;
        int height = 2;
        int[] argb = {
            0xFFFF0000, 0xFF00FF00, 0xFF0000FF,
            0x80FFFFFF, 0x00000000, 0xFF123456,
        };

        byte[] png = PngEncoder.encode(width, height, argb);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));

        assertThat(decoded.getWidth()).isEqualTo(width);
        assertThat(decoded.getHeight()).isEqualTo(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                assertThat(decoded.getRGB(x, y)).as("pixel %d,%d", x, y).isEqualTo(argb[y * width + x]);
            }
        }
    }

    @Test
    void the_pixel_count_must_match_the_size() {
        assertThatThrownBy(() -> PngEncoder.encode(2, 2, new int[3])).isInstanceOf(IllegalArgumentException.class);
    }
}
