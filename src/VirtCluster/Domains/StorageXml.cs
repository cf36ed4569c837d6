using System.Globalization;
using System.Xml.Linq;

namespace VirtCluster.Domains;

/// <summary>
/// Writes libvirt storage XML: a directory pool, and per-node qcow2 overlays backed by the shared base image,
/// so each node writes only its own differences and destroying it deletes one file.
/// </summary>
public static class StorageXml
{
    public static string DirPool(string name, string path) => new XDocument(new XElement(
        "pool",
        new XAttribute("type", "dir"),
        new XElement("name", XmlNames.Name(name, "pool name")),
        new XElement("target", new XElement("path", XmlNames.AbsolutePath(path, "pool path"))))).ToString();

    /// <summary>The base image volume: a qcow2 file of the image's size, filled by an upload after it is created.</summary>
    public static string BaseVolume(string name, long capacityBytes) =>
        new XElement(
            "volume",
            new XElement("name", name),
            new XElement("capacity", new XAttribute("unit", "bytes"), capacityBytes),
            new XElement("target", new XElement("format", new XAttribute("type", "qcow2"))))
            .ToString();

    /// <summary>A raw volume holding a file as it is (a kernel, an initrd), exactly as long as the file.</summary>
    public static string RawVolume(string name, long lengthBytes) =>
        new XElement(
            "volume",
            new XElement("name", XmlNames.Name(name, "volume name")),
            new XElement("capacity", new XAttribute("unit", "bytes"), lengthBytes),
            new XElement("target", new XElement("format", new XAttribute("type", "raw"))))
            .ToString();

    /// <param name="name">Volume name (file name in the pool).</param>
    /// <param name="capacityBytes">Virtual size; at least the base image's.</param>
    /// <param name="backingPath">Absolute path of the base image.</param>
    /// <param name="backingFormat">Format of the base image (qcow2 or raw).</param>
    public static string Overlay(string name, long capacityBytes, string backingPath, string backingFormat = "qcow2")
    {
        if (capacityBytes <= 0)
        {
            throw new ArgumentException($"volume {name}: capacity must be positive, not {capacityBytes}");
        }

        if (backingFormat is not ("qcow2" or "raw"))
        {
            throw new ArgumentException($"volume {name}: backing format must be qcow2 or raw, not '{backingFormat}'");
        }

        return new XDocument(new XElement(
            "volume",
            new XElement("name", XmlNames.Name(name, "volume name")),
            new XElement("capacity", new XAttribute("unit", "bytes"), capacityBytes.ToString(CultureInfo.InvariantCulture)),
            new XElement("target", new XElement("format", new XAttribute("type", "qcow2"))),
            new XElement(
                "backingStore",
                new XElement("path", XmlNames.AbsolutePath(backingPath, "backing image")),
                new XElement("format", new XAttribute("type", backingFormat))))).ToString();
    }
}
