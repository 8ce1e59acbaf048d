using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// Writes a stream's bytes on a thread of their own while the caller's thread passes them on to the target: for
/// the site workbook, its sheets' XML (110 MB at 10,000 forms) is made on one core while the other compresses it.
/// The target gets the same bytes in the same order as from one thread, so the file is byte for byte the same.
/// At most <see cref="Depth"/> writes are in flight, so the memory it holds does not grow with the sheet.
/// </summary>
internal static class PipedWrite
{
    /// <summary>Writes in flight at most (the XML writer's are a few kilobytes each).</summary>
    private const int Depth = 64;

    /// <summary>The length that marks a flush, not bytes.</summary>
    private const int Flushed = -1;

    /// <summary>Runs <paramref name="write"/> on a new thread into a stream whose bytes are copied to <paramref name="target"/> here.</summary>
    public static void Into(Stream target, Action<Stream> write)
    {
        using var chunks = new BlockingCollection<(byte[] Bytes, int Length)>(Depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failed = null;
        var producer = new Thread(() =>
        {
            try
            {
                using var stream = new ChunkStream(chunks, stop.Token);
                write(stream);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // the caller stopped reading: its own exception is the one reported
            }
            catch (Exception e)
            {
                failed = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                chunks.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "piped write" };
        producer.Start();
        try
        {
            foreach (var (bytes, length) in chunks.GetConsumingEnumerable())
            {
                if (length == Flushed)
                {
                    target.Flush();
                    continue;
                }

                target.Write(bytes, 0, length);
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        catch
        {
            stop.Cancel();
            producer.Join();
            throw;
        }

        producer.Join();
        failed?.Throw();
    }

    /// <summary>
    /// A write-only stream handing over each write as it was made, and each flush: a compressing target (DeflateStream,
    /// zlib-ng) is given the same calls as from the writer itself, which its output depends on, not only the bytes.
    /// </summary>
    private sealed class ChunkStream(BlockingCollection<(byte[] Bytes, int Length)> chunks, CancellationToken stop) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (buffer.Length == 0)
            {
                return;
            }

            var copy = ArrayPool<byte>.Shared.Rent(buffer.Length);
            buffer.CopyTo(copy);
            chunks.Add((copy, buffer.Length), stop);
        }

        public override void Flush() => chunks.Add(([], Flushed), stop);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
