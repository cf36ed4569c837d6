using VirtCluster.Libvirt.Interop;

namespace VirtCluster.Libvirt;

public sealed partial class LibvirtStorageVolume
{
    private const int ChunkSize = 256 * 1024;

    /// <summary>
    /// Copies <paramref name="length"/> bytes from <paramref name="source"/> into the volume from offset 0,
    /// through a libvirt stream, so it works on remote hosts where the volume's path is not reachable.
    /// On any failure (including a source shorter than <paramref name="length"/> or cancellation) the
    /// stream is aborted, so libvirt does not keep a half-written transfer open.
    /// </summary>
    public void Upload(
        Stream source, long length, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var volume = Handle;
        var pointer = volume.UseConnection(connection => LibvirtCall.Check(NativeMethods.virStreamNew(connection, 0)));
        using var stream = StreamHandle.Adopt(pointer, volume);
        LibvirtCall.Check(NativeMethods.virStorageVolUpload(volume, stream, 0, (ulong)length, 0));
        try
        {
            Send(stream, source, length, progress, cancellationToken);
            LibvirtCall.Check(NativeMethods.virStreamFinish(stream));
        }
        catch
        {
            // The transfer already failed; an abort error must not hide the original one.
            _ = NativeMethods.virStreamAbort(stream);
            NativeMethods.virResetLastError();
            throw;
        }
    }

    private static unsafe void Send(
        StreamHandle stream, Stream source, long length, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var buffer = new byte[ChunkSize];
        long sent = 0;
        while (sent < length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, length - sent));
            if (read == 0)
            {
                throw new EndOfStreamException($"Upload source ended after {sent} of {length} bytes.");
            }

            fixed (byte* data = buffer)
            {
                for (var offset = 0; offset < read;)
                {
                    offset += LibvirtCall.Check(NativeMethods.virStreamSend(stream, data + offset, (nuint)(read - offset)));
                }
            }

            sent += read;
            progress?.Report(sent);
        }
    }
}
