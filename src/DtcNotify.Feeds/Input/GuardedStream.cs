using System.Text;
using System.Text.Unicode;

namespace DtcNotify.Feeds.Input;

/// <summary>
/// Passes a feed through while refusing what no parser should see: NUL bytes (binary or UTF-16), invalid UTF-8,
/// physical lines longer than the limit and files over the size limit. A leading UTF-8 byte order mark is dropped.
/// Every check is a vectorised scan of the bytes as they are read, so the cost is small and memory stays flat.
/// </summary>
internal sealed class GuardedStream : Stream
{
    private const int HeadCapacity = 8192;

    private readonly Stream _inner;
    private readonly string _fileName;
    private readonly byte[] _carry = new byte[4];
    private byte[]? _head;
    private int _headPosition;
    private int _headLength;
    private int _carryLength;
    private long _line = 1;
    private long _lineLength;
    private long _total;

    public GuardedStream(Stream inner, string fileName, int maxLineBytes)
    {
        _inner = inner;
        _fileName = fileName;
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>Longest physical line allowed; <see cref="int.MaxValue"/> for whole-document formats.</summary>
    public int MaxLineBytes { get; set; }

    /// <summary>Largest file allowed (whole-document formats are held in memory, so they get a cap).</summary>
    public long MaxTotalBytes { get; set; } = long.MaxValue;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Reads (without validating) the first bytes for format detection; they are served again by Read.</summary>
    public ReadOnlySpan<byte> Peek()
    {
        if (_head is null)
        {
            _head = new byte[HeadCapacity];
            int read;
            while (_headLength < HeadCapacity && (read = _inner.Read(_head, _headLength, HeadCapacity - _headLength)) > 0)
            {
                _headLength += read;
            }

            if (_head.AsSpan(0, _headLength).StartsWith("\uFEFF"u8))
            {
                _headPosition = 3;
            }
        }

        return _head.AsSpan(_headPosition, _headLength - _headPosition);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_head is not null && _headPosition < _headLength)
        {
            read = Math.Min(buffer.Length, _headLength - _headPosition);
            _head.AsSpan(_headPosition, read).CopyTo(buffer);
            _headPosition += read;
        }
        else
        {
            read = _inner.Read(buffer);
            if (_total == 0 && _head is null && read > 0 && buffer[..read].StartsWith("\uFEFF"u8))
            {
                buffer[3..read].CopyTo(buffer);
                read -= 3;
                _total = 3;
            }
        }

        if (read == 0)
        {
            if (_carryLength > 0)
            {
                throw Refuse(_line, "not valid UTF-8 text (the file ends inside a multi-byte character)");
            }

            return 0;
        }

        Validate(buffer[..read]);
        return read;
    }

    // Streaming JSON reads asynchronously; the checks are CPU work, so answer synchronously instead of via the thread pool.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return ValueTask.FromResult(Read(buffer.Span));
        }
        catch (FeedFileException e)
        {
            return ValueTask.FromException<int>(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Validate(ReadOnlySpan<byte> chunk)
    {
        _total += chunk.Length;
        if (_total > MaxTotalBytes)
        {
            throw Refuse(0, $"larger than {MaxTotalBytes / (1024 * 1024)} MiB, the limit for this format");
        }

        var nul = chunk.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw Refuse(LineAt(chunk, nul), "NUL byte: binary or UTF-16 content, expected UTF-8 text");
        }

        ValidateUtf8(chunk);
        CountLines(chunk);
    }

    private void ValidateUtf8(ReadOnlySpan<byte> chunk)
    {
        var body = chunk;
        if (_carryLength > 0)
        {
            var needed = SequenceLength(_carry[0]) - _carryLength;
            var take = Math.Min(needed, body.Length);
            body[..take].CopyTo(_carry.AsSpan(_carryLength));
            _carryLength += take;
            body = body[take..];
            if (take < needed)
            {
                if (!Utf8PrefixIsPlausible(_carry.AsSpan(0, _carryLength)))
                {
                    throw Refuse(_line, "not valid UTF-8 text");
                }

                return;
            }

            if (!Utf8.IsValid(_carry.AsSpan(0, _carryLength)))
            {
                throw Refuse(_line, "not valid UTF-8 text");
            }

            _carryLength = 0;
        }

        var tail = IncompleteTailLength(body);
        var complete = body[..^tail];
        if (!Utf8.IsValid(complete))
        {
            throw Refuse(LineAt(chunk, chunk.Length - body.Length + FirstInvalid(complete)), "not valid UTF-8 text");
        }

        body[^tail..].CopyTo(_carry);
        _carryLength = tail;
    }

    private void CountLines(ReadOnlySpan<byte> chunk)
    {
        var rest = chunk;
        while (true)
        {
            var newline = rest.IndexOf((byte)'\n');
            _lineLength += newline < 0 ? rest.Length : newline;
            if (_lineLength > MaxLineBytes)
            {
                throw Refuse(_line, $"longer than {MaxLineBytes} bytes, the maximum line length");
            }

            if (newline < 0)
            {
                return;
            }

            _line++;
            _lineLength = 0;
            rest = rest[(newline + 1)..];
        }
    }

    private long LineAt(ReadOnlySpan<byte> chunk, int index) => _line + chunk[..index].Count((byte)'\n');

    private FeedFileException Refuse(long line, string problem) => new(_fileName, line, problem);

    private static int SequenceLength(byte lead) => lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;

    private static bool Utf8PrefixIsPlausible(ReadOnlySpan<byte> prefix)
    {
        foreach (var b in prefix[1..])
        {
            if ((b & 0xC0) != 0x80)
            {
                return false;
            }
        }

        return true;
    }

    // A chunk may end in the middle of a character; those bytes are checked once the rest arrives.
    private static int IncompleteTailLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            return b >= 0xC0 && SequenceLength(b) > back ? back : 0;
        }

        return 0;
    }

    private static int FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return index;
    }
}
