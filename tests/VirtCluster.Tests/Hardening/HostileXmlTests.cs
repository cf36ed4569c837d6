using System.Xml.Linq;
using VirtCluster.Domains;

namespace VirtCluster.Tests.Hardening;

/// <summary>Names and paths that would break out of libvirt XML are refused with the value named; free text is escaped.</summary>
public sealed class HostileXmlTests
{
    [Theory]
    [InlineData("<node>")]
    [InlineData("a'/><x")]
    [InlineData("../../etc/passwd")]
    [InlineData("a b")]
    [InlineData("a;rm -rf /")]
    [InlineData("")]
    public void ANameThatIsNotALibvirtNameIsRefusedNamingTheValue(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => XmlNames.Name(name, "domain name"));

        Assert.Contains($"domain name '{name}' is not a valid name", error.Message);
    }

    [Fact]
    public void ANameLongerThanSixtyFourCharactersIsRefused() =>
        Assert.Throws<ArgumentException>(() => XmlNames.Name(new string('n', 65), "domain name"));

    [Theory]
    [InlineData("relative/disk.qcow2")]
    [InlineData("/var/lib/a\nb.qcow2")]
    public void APathThatIsRelativeOrHasControlCharactersIsRefused(string path) =>
        Assert.Throws<ArgumentException>(() => XmlNames.AbsolutePath(path, "disk"));

    [Fact]
    public void MarkupInFreeTextStaysTextInTheDocument()
    {
        const string hostile = "console=ttyS0 </cmdline><devices/> & '\"";
        var element = new XElement("cmdline", XmlNames.Text(hostile, "kernel command line"));

        var parsed = XElement.Parse(element.ToString());

        Assert.Equal(hostile, parsed.Value);
        Assert.Empty(parsed.Elements());
    }
}
