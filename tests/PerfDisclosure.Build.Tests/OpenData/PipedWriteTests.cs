using System.IO.Compression;
using System.Text;
using System.Xml;
using PerfDisclosure.Build.OpenData;

namespace PerfDisclosure.Build.Tests.OpenData;

/// <summary>
/// The site workbook's sheets are made on a second thread while the first compresses them (<see cref="PipedWrite"/>):
/// the target must get the very calls a direct write makes, since a compressor's output depends on them.
/// </summary>
public class PipedWriteTests
{
    [Fact]
    public void The_target_gets_every_write_and_flush_in_order()
    {
        var direct = new RecordingStream();
        Writes(direct);
        var piped = new RecordingStream();
        PipedWrite.Into(piped, Writes);

        Assert.True(direct.Calls.Count > 1000);
        Assert.Equal(direct.Calls, piped.Calls);
    }

    [Fact]
    public void Compressed_it_is_byte_for_byte_what_a_direct_write_compresses_to()
    {
        Assert.Equal(Compressed(target => Xml(target)), Compressed(target => PipedWrite.Into(target, Xml)));
    }

    [Fact]
    public void A_failure_of_the_writer_is_thrown_to_the_caller()
    {
        var target = new RecordingStream();
        var failure = Assert.Throws<InvalidOperationException>(() => PipedWrite.Into(target, stream =>
        {
            stream.Write("before"u8);
            throw new InvalidOperationException("the rows ran out");
        }));

        Assert.Equal("the rows ran out", failure.Message);
        Assert.Equal("before"u8.ToArray(), target.Calls[0]);
    }

    [Fact]
    public async Task A_target_that_fails_stops_the_writer_and_its_failure_is_thrown()
    {
        var writes = 0;
        var run = Task.Run(
            () => PipedWrite.Into(new FailingStream(after: 3), stream =>
            {
                // Would write for ever: only the target's failure ends it.
                while (true)
                {
                    stream.Write("<row/>"u8);
                    writes++;
                }
            }),
            TestContext.Current.CancellationToken);

        var first = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.True(ReferenceEquals(run, first), "the write did not stop after its target failed");
        var failure = await Assert.ThrowsAsync<IOException>(() => run);
        Assert.Equal("disk full", failure.Message);
        Assert.True(writes >= 3);
    }

    /// <summary>Writes of many sizes, with flushes between some.</summary>
    private static void Writes(Stream stream)
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(1, 9000)];
            random.NextBytes(bytes);
            stream.Write(bytes);
            if (i % 97 == 0)
            {
                stream.Flush();
            }
        }
    }

    /// <summary>A sheet-like XML text of about 8 MB, through an XML writer as the workbook writes its sheets.</summary>
    private static void Xml(Stream stream)
    {
        using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        writer.WriteStartElement("sheetData");
        for (var row = 1; row <= 60_000; row++)
        {
            writer.WriteStartElement("row");
            writer.WriteAttributeString("r", row.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteElementString("c", $"项目{row % 311} 指标{row % 17} {row * 7919 % 100000}");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static byte[] Compressed(Action<Stream> write)
    {
        using var output = new MemoryStream();
        using (var deflate = new DeflateStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            write(deflate);
        }

        return output.ToArray();
    }

    /// <summary>Records each write's bytes, and each flush as an empty entry.</summary>
    private sealed class RecordingStream : MemoryStream
    {
        public List<byte[]> Calls { get; } = [];

        public override void Write(byte[] buffer, int offset, int count) => Calls.Add(buffer.AsSpan(offset, count).ToArray());

        public override void Write(ReadOnlySpan<byte> buffer) => Calls.Add(buffer.ToArray());

        public override void Flush() => Calls.Add([]);
    }

    private sealed class FailingStream(int after) : MemoryStream
    {
        private int writes;

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (++writes > after)
            {
                throw new IOException("disk full");
            }
        }
    }
}
