package dev.hardening.auditor.desktop.screenshot;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal PNG encoder (8-bit RGBA, no filtering) so screenshots need neither javafx-swing nor
 * AWT: the pixels come straight from a JavaFX {@code PixelReader}.
 */
public final class PngEncoder {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final int COLOR_TYPE_RGBA = 6;

    private PngEncoder() {
    }

    /**
     * @param width  in pixels
     * @param height in pixels
     * @param argb   row by row, one {@code 0xAARRGGBB} int per pixel (non-premultiplied)
     */
    public static byte[] encode(int width, int height, int[] argb) {
        if (width <= 0 || height <= 0 || argb.length != width * height) {
            throw new IllegalArgumentException("expected " + width + "×" + height + " pixels, got " + argb.length);
        }
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(SIGNATURE);
            writeChunk(png, "IHDR", header(width, height));
            writeChunk(png, "IDAT", imageData(width, height, argb));
            writeChunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in-memory streams do not fail
        }
    }

    private static byte[] header(int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(width);
        out.writeInt(height);
        out.writeByte(8); // bits per channel
        out.writeByte(COLOR_TYPE_RGBA);
        out.writeByte(0); // compression: deflate
        out.writeByte(0); // filter method
        out.writeByte(0); // no interlace
        return bytes.toByteArray();
    }

    private static byte[] imageData(int width, int height, int[] argb) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try (DeflaterOutputStream out = new DeflaterOutputStream(compressed, deflater)) {
            byte[] row = new byte[1 + width * 4];
            for (int y = 0; y < height; y++) {
                row[0] = 0; // filter type: none
                for (int x = 0; x < width; x++) {
                    int pixel = argb[y * width + x];
                    int i = 1 + x * 4;
                    row[i] = (byte) (pixel >>> 16);
                    row[i + 1] = (byte) (pixel >>> 8);
                    row[i + 2] = (byte) pixel;
                    row[i + 3] = (byte) (pixel >>> 24);
                }
                out.write(row);
            }
        } finally {
            deflater.end();
        }
        return compressed.toByteArray();
    }

    private static void writeChunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
