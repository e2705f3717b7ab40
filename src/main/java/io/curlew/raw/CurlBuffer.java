package io.curlew.raw;

import io.curlew.raw.jni.CurlewNative;
import java.util.Objects;
import org.bytedeco.javacpp.BytePointer;

/**
 * A view of native memory that libcurl hands to a callback (the data of a write callback,
 * the buffer of a read callback). One instance per handle and callback kind is reused for
 * every call, so a callback costs no allocation; it is valid only during the call. Its
 * {@link #capacity()} is the size libcurl gave.
 */
public final class CurlBuffer extends BytePointer {

  CurlBuffer() {
    super((org.bytedeco.javacpp.Pointer) null);
  }

  CurlBuffer point(long addr, long len) {
    this.address = addr;
    this.position = 0;
    this.limit = len;
    this.capacity = len;
    return this;
  }

  void clear() {
    this.address = 0;
    this.limit = 0;
    this.capacity = 0;
  }

  /**
   * @return the bytes as a new array
   */
  public byte[] toArray() {
    return CStrings.bytesAt(address, capacity);
  }

  /**
   * Copies bytes out, into an array.
   *
   * @param offset offset into this view
   * @param dst destination
   * @param dstOffset offset into dst
   * @param length how many bytes
   */
  public void copyTo(long offset, byte[] dst, int dstOffset, int length) {
    checkRange(offset, length);
    Objects.checkFromIndexSize(dstOffset, length, dst.length);
    CurlewNative.curlew_copy_out(address + offset, dst, dstOffset, length);
  }

  /**
   * Copies bytes in, from an array (for read callbacks).
   *
   * @param offset offset into this view
   * @param src source
   * @param srcOffset offset into src
   * @param length how many bytes
   */
  public void copyFrom(long offset, byte[] src, int srcOffset, int length) {
    checkRange(offset, length);
    Objects.checkFromIndexSize(srcOffset, length, src.length);
    CurlewNative.curlew_copy_in(address + offset, src, srcOffset, length);
  }

  private void checkRange(long offset, int length) {
    if (address == 0) {
      throw new IllegalStateException("this buffer is only valid during the callback");
    }
    if (offset < 0 || length < 0 || offset + length > capacity) {
      throw new IndexOutOfBoundsException("range [" + offset + ", " + (offset + length)
          + ") outside the buffer of " + capacity + " bytes");
    }
  }
}
