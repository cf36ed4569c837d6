using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace VirtCluster.Tests.Images;

/// <summary>
/// Lists the files in a gzip-compressed initrd (a "newc" cpio archive), so tests can see which kernel
/// modules an image's initrd carries without cpio or initramfs-tools on the machine.
/// </summary>
internal static class InitrdArchive
{
    private const int HeaderLength = 110;

    public static List<string> Names(string path)
    {
        using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
        using var archive = new MemoryStream();
        gzip.CopyTo(archive);
        var bytes = archive.ToArray();
        var names = new List<string>();
        var offset = 0;
        while (offset + HeaderLength <= bytes.Length)
        {
            var header = Encoding.ASCII.GetString(bytes, offset, HeaderLength);
            if (!header.StartsWith("070701", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"no cpio header at byte {offset} of the uncompressed initrd '{path}'");
            }

            var fileSize = Field(header, 6);
            var nameSize = Field(header, 11);
            var name = Encoding.UTF8.GetString(bytes, offset + HeaderLength, nameSize - 1);
            if (name == "TRAILER!!!")
            {
                break;
            }

            names.Add(name);
            offset = Align(Align(offset + HeaderLength + nameSize) + fileSize);
        }

        return names;
    }

    /// <summary>The <paramref name="index"/>th eight-digit hex field after the six-character magic.</summary>
    private static int Field(string header, int index) =>
        int.Parse(header.AsSpan(6 + (index * 8), 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static int Align(int offset) => (offset + 3) & ~3;
}
