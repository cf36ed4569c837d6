using System.Diagnostics;

namespace VirtCluster.Tests.Support;

/// <summary>
/// Runs libvirt's own tools (virsh on the test driver, virt-xml-validate) as processes, so generated XML is
/// judged by libvirt itself. The test driver keeps state per connection, so one virsh call runs a whole script.
/// </summary>
internal static class Virsh
{
    public static (int Status, string Stdout, string Stderr) Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs a ';'-separated virsh script on one test-driver connection and fails with libvirt's message.</summary>
    public static string TestDriver(string uri, string script)
    {
        var (status, stdout, stderr) = Run("virsh", "-c", uri, script);
        Assert.True(status == 0, $"virsh '{script}' failed ({status}): {stderr}{stdout}");
        return stdout;
    }

    /// <summary>Validates XML against libvirt's RNG schema for <paramref name="kind"/> (domain, network, storagepool, storagevol).</summary>
    public static void AssertValid(string xml, string kind)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vc-{kind}-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try
        {
            var (status, stdout, stderr) = Run("virt-xml-validate", file, kind);
            Assert.True(status == 0, $"virt-xml-validate {kind} rejected the XML: {stderr}{stdout}\n{xml}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Writes <paramref name="xml"/> to a temp file for virsh define/create; the caller deletes it.</summary>
    public static string TempXml(string xml)
    {
        var file = Path.Combine(Path.GetTempPath(), $"vc-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        return file;
    }
}
