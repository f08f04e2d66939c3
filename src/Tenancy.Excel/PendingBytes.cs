namespace Tenancy.Excel;

/// <summary>
/// A write-only, unseekable stream that keeps what is written until <see cref="DrainToAsync"/> sends it on: lets
/// synchronous writers (ZipArchive, XmlWriter) feed a response body that only takes asynchronous writes, a little at a time.
/// </summary>
internal sealed class PendingBytes : Stream
{
    private readonly MemoryStream _buffer = new();
    private long _written;

    public long Pending => _buffer.Length;

    public async Task DrainToAsync(Stream output, CancellationToken cancellationToken)
    {
        if (_buffer.Length == 0) return;
        await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
        _buffer.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _buffer.Write(buffer);
        _written += buffer.Length;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _written; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
