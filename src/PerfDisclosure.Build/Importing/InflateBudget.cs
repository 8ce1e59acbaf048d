using System.IO.Compression;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Counts the bytes inflated from a workbook's zip entries as they are read, whatever the zip declares: past the
/// file's <see cref="SourceLimits.MaxUncompressedBytes"/>, or past <see cref="SourceLimits.MaxCompressionRatio"/>
/// to one for an entry larger than <see cref="SourceLimits.RatioGraceBytes"/>, the read stops with one line.
/// </summary>
internal sealed class InflateBudget(string file, SourceLimits limits)
{
    private long inflated;

    /// <summary>The entry's bytes, counted; refused up front when what it declares is already past a limit.</summary>
    public Stream Open(ZipArchiveEntry entry)
    {
        if (entry.Length > limits.MaxUncompressedBytes - inflated)
        {
            throw Over(entry.FullName);
        }

        Ratio(entry, entry.Length);
        return new Counted(this, entry, entry.Open());
    }

    private void Add(ZipArchiveEntry entry, long entryBytes, int read)
    {
        inflated += read;
        if (inflated > limits.MaxUncompressedBytes)
        {
            throw Over(entry.FullName);
        }

        Ratio(entry, entryBytes);
    }

    private void Ratio(ZipArchiveEntry entry, long bytes)
    {
        if (bytes > limits.RatioGraceBytes && bytes / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
        {
            throw new SourceFileException($"{file}: {entry.FullName} inflates more than {limits.MaxCompressionRatio} times its compressed size (the compression ratio limit): a zip bomb, not a workbook");
        }
    }

    private SourceFileException Over(string entry) =>
        new($"{file}: {entry} makes the workbook's XML larger than {limits.MaxUncompressedBytes} bytes uncompressed (the uncompressed size limit)");

    private sealed class Counted(InflateBudget budget, ZipArchiveEntry entry, Stream inner) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            read += n;
            budget.Add(entry, read, n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
