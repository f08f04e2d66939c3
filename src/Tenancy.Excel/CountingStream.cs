namespace Tenancy.Excel;

/// <summary>A read-only stream that counts what it hands out and stops past a declared size or a budget.</summary>
internal sealed class CountingStream(Stream inner, long declaredSize, long budget) : Stream
{
    public long Count { get; private set; }

    public sealed class LimitExceededException(bool overDeclaredSize) : Exception("Limit exceeded.")
    {
        public bool OverDeclaredSize { get; } = overDeclaredSize;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Count += read;
        if (Count > declaredSize) throw new LimitExceededException(overDeclaredSize: true);
        if (Count > budget) throw new LimitExceededException(overDeclaredSize: false);
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => Count; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
