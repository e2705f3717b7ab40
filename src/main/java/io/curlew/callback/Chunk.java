package io.curlew.callback;

import io.curlew.raw.CurlBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A zero-copy view of the bytes libcurl hands a callback: a body chunk, a header line, a
 * verbose message, or the buffer a read callback fills. One view per handle is reused for
 * every call, so receiving data allocates nothing; the view is valid only during the call.
 * Copy out what you keep with {@link #toArray}, {@link #copyTo} or {@link #writeTo}.
 */
public final class Chunk {

  private CurlBuffer buffer;
  private byte[] scratch;

  /** For curlew's own callback adapters. */
  public Chunk() {
  }

  /**
   * Points this view at libcurl's data for the length of one call.
   *
   * @param view the raw view libcurl's call produced
   * @return this view
   */
  public Chunk wrap(CurlBuffer view) {
    this.buffer = view;
    return this;
  }

  /** Ends the call: the view no longer refers to libcurl's memory. */
  public void release() {
    this.buffer = null;
  }

  private CurlBuffer buffer() {
    if (buffer == null) {
      throw new IllegalStateException("a Chunk is only valid during the callback it was given to");
    }
    return buffer;
  }

  /** @return the number of bytes */
  public int length() {
    return (int) buffer().capacity();
  }

  /**
   * @param index 0 to length-1
   * @return that byte
   */
  public byte get(int index) {
    if (index < 0 || index >= length()) {
      throw new IndexOutOfBoundsException(index);
    }
    return buffer().get(index);
  }

  /** @return a copy of the bytes */
  public byte[] toArray() {
    return buffer().toArray();
  }

  /**
   * Copies bytes out.
   *
   * @param offset where in this chunk to start
   * @param dst destination
   * @param dstOffset where in dst
   * @param length how many bytes
   */
  public void copyTo(int offset, byte[] dst, int dstOffset, int length) {
    buffer().copyTo(offset, dst, dstOffset, length);
  }

  /**
   * Copies all bytes into a buffer, advancing its position.
   *
   * @param dst a buffer with room for {@link #length()} bytes
   */
  public void copyTo(ByteBuffer dst) {
    int n = length();
    if (dst.remaining() < n) {
      throw new java.nio.BufferOverflowException();
    }
    if (dst.hasArray()) {
      copyTo(0, dst.array(), dst.arrayOffset() + dst.position(), n);
      dst.position(dst.position() + n);
    } else {
      byte[] tmp = scratch(n);
      copyTo(0, tmp, 0, n);
      dst.put(tmp, 0, n);
    }
  }

  /**
   * Writes the bytes to a stream through a reused scratch array.
   *
   * @param out the stream
   * @throws IOException from the stream
   */
  public void writeTo(OutputStream out) throws IOException {
    int n = length();
    byte[] tmp = scratch(n);
    copyTo(0, tmp, 0, n);
    out.write(tmp, 0, n);
  }

  /**
   * Fills this chunk (the buffer of a read callback) from an array.
   *
   * @param offset where in this chunk
   * @param src the bytes
   * @param srcOffset where in src
   * @param length how many
   */
  public void put(int offset, byte[] src, int srcOffset, int length) {
    buffer().copyFrom(offset, src, srcOffset, length);
  }

  /**
   * @param charset how the bytes are encoded
   * @return the bytes decoded
   */
  public String toString(Charset charset) {
    int n = length();
    byte[] tmp = scratch(n);
    copyTo(0, tmp, 0, n);
    return new String(tmp, 0, n, charset);
  }

  /** @return the bytes decoded as ISO-8859-1 (what HTTP headers are) */
  @Override
  public String toString() {
    return buffer == null ? "Chunk[released]" : toString(StandardCharsets.ISO_8859_1);
  }

  private byte[] scratch(int n) {
    if (scratch == null || scratch.length < n) {
      scratch = new byte[Math.max(n, 16384)];
    }
    return scratch;
  }
}
