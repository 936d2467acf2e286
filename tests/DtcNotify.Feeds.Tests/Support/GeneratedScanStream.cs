using System.Globalization;
using System.Text;

namespace DtcNotify.Feeds.Tests;

/// <summary>A scan report produced as it is read: lets tests feed millions of rows (or endless ones) without holding them.</summary>
public sealed class GeneratedScanStream(long rows) : Stream
{
    private readonly byte[] _header = Encoding.UTF8.GetBytes("\"timestamp\",\"ip\",\"protocol\",\"port\",\"hostname\",\"tag\",\"asn\",\"geo\",\"banner\"\n");
    private byte[] _pending = [];
    private int _offset;
    private long _row = -1;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_offset == _pending.Length)
        {
            if (_row >= rows)
            {
                return 0;
            }

            _pending = _row < 0 ? _header : Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                $"\"2026-11-02 13:{_row / 60 % 60:00}:{_row % 60:00}\",\"10.{_row >> 16 & 255}.{_row >> 8 & 255}.{_row & 255}\",\"tcp\",21,\"h{_row}.example.nl\",\"ftp\",64500,\"NL\",\"220 FTP server ready {_row}\"\n"));
            _offset = 0;
            _row++;
        }

        var length = Math.Min(count, _pending.Length - _offset);
        Array.Copy(_pending, _offset, buffer, offset, length);
        _offset += length;
        return length;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
