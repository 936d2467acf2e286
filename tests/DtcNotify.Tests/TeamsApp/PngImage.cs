using System.Buffers.Binary;
using System.IO.Compression;

namespace DtcNotify.Tests.TeamsApp;

/// <summary>Just enough PNG (8-bit, non-interlaced RGB/RGBA) to check icon sizes and pixels; anything else fails the test.</summary>
internal sealed record PngImage(int Width, int Height, byte ColourType, byte[] Rgba)
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public bool HasAlpha => ColourType == 6;

    public static PngImage Read(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG file");
        int width = 0, height = 0;
        byte colourType = 0;
        using var idat = new MemoryStream();
        for (var at = 8; at < png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height, colourType) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[9]);
                Assert.Equal(8, data[8]); // bit depth
                Assert.Equal(0, data[12]); // no interlacing
                Assert.True(colourType is 2 or 6, $"colour type {colourType} is not RGB or RGBA");
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            at += 12 + length;
        }

        return new PngImage(width, height, colourType, Unfilter(Inflate(idat.ToArray()), width, height, colourType == 6 ? 4 : 3));
    }

    private static byte[] Inflate(byte[] zlib)
    {
        using var output = new MemoryStream();
        using (var inflater = new ZLibStream(new MemoryStream(zlib), CompressionMode.Decompress))
        {
            inflater.CopyTo(output);
        }

        return output.ToArray();
    }

    // PNG scanline filters (None, Sub, Up, Average, Paeth), then widened to RGBA with opaque alpha for RGB images.
    private static byte[] Unfilter(byte[] raw, int width, int height, int bpp)
    {
        var stride = width * bpp;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            for (var x = 0; x < stride; x++)
            {
                int a = x >= bpp ? pixels[y * stride + x - bpp] : 0, b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
                int c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
                var predictor = filter switch { 0 => 0, 1 => a, 2 => b, 3 => (a + b) / 2, 4 => Paeth(a, b, c), _ => throw new InvalidDataException($"filter {filter}") };
                pixels[y * stride + x] = (byte)(raw[y * (stride + 1) + 1 + x] + predictor);
            }
        }

        if (bpp == 4)
        {
            return pixels;
        }

        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            (rgba[i * 4], rgba[i * 4 + 1], rgba[i * 4 + 2], rgba[i * 4 + 3]) = (pixels[i * 3], pixels[i * 3 + 1], pixels[i * 3 + 2], 255);
        }

        return rgba;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
