using VirtCluster.Engine.IO;
using VirtCluster.Linux;

namespace VirtCluster.Remote;

/// <summary>
/// An ed25519 key pair in OpenSSH formats: the private key as the <c>-----BEGIN OPENSSH PRIVATE KEY-----</c>
/// text (which <see cref="SshIdentity"/> loads) and the public key as an authorized_keys line. A stack keeps
/// one pair as a secret and gives guests only the public line.
/// </summary>
public sealed class SshKeyPair
{
    private SshKeyPair(string privateKey, string publicKeyLine)
    {
        PrivateKey = privateKey;
        PublicKeyLine = publicKeyLine;
    }

    /// <summary>The unencrypted private key in OpenSSH format. A secret: never log it.</summary>
    public string PrivateKey { get; }

    /// <summary>The public key as <c>ssh-ed25519 AAAA... comment</c>, ready for authorized_keys.</summary>
    public string PublicKeyLine { get; }

    /// <summary>SHA256 fingerprint of the public key, as OpenSSH prints it.</summary>
    public string Fingerprint => HostKey.Parse(PublicKeyLine).Fingerprint;

    /// <summary>
    /// Generates a fresh pair with <c>ssh-keygen</c> in a private temporary folder that is deleted again,
    /// so the key exists on disk only for the moment ssh-keygen needs.
    /// </summary>
    /// <param name="comment">Ends the public line; says whose key it is (e.g. "virtcluster-local").</param>
    /// <exception cref="InvalidOperationException">ssh-keygen is missing or failed; the message carries its stderr.</exception>
    public static SshKeyPair Generate(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var directory = Directory.CreateTempSubdirectory("virtcluster-key-");
        try
        {
            var keyFile = Path.Combine(directory.FullName, "id_ed25519");
            RunSshKeygen(["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", keyFile]);
            return new SshKeyPair(File.ReadAllText(keyFile), File.ReadAllText(keyFile + ".pub").Trim());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Restores a pair kept as a secret.</summary>
    public static SshKeyPair FromStrings(string privateKey, string publicKeyLine)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKey);
        HostKey.Parse(publicKeyLine);
        return new SshKeyPair(privateKey, publicKeyLine.Trim());
    }

    /// <summary>Writes the private key to <paramref name="path"/> with mode 0600, as ssh and mpirun require.</summary>
    public void WritePrivateKeyFile(string path) => AtomicFile.Write(path, PrivateKey);

    /// <summary>
    /// A pair from a private key the user supplies (OpenSSH format, no passphrase): ssh-keygen derives the public
    /// line, from a copy of the key in a private temporary folder that is deleted again.
    /// </summary>
    /// <exception cref="InvalidOperationException">ssh-keygen cannot read the key; the message says why, never the key.</exception>
    public static SshKeyPair FromPrivateKey(string privateKey, string comment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKey);
        var text = privateKey.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";
        var directory = Directory.CreateTempSubdirectory("virtcluster-key-");
        try
        {
            var keyFile = Path.Combine(directory.FullName, "key");
            AtomicFile.Write(keyFile, text);
            var fields = RunSshKeygen(["-y", "-P", "", "-f", keyFile]).Trim().Split(' ');
            return new SshKeyPair(text, $"{fields[0]} {fields[1]} {comment}");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string RunSshKeygen(IReadOnlyList<string> arguments)
    {
        // Key generation happens while a program is built, which is synchronous; ssh-keygen takes milliseconds.
        var result = HostCommand.RunAsync(["ssh-keygen", .. arguments], ProcessOptions.None, CancellationToken.None)
            .GetAwaiter().GetResult();
        if (result.StartError is not null)
        {
            throw new InvalidOperationException($"ssh-keygen was not found ({result.StartError}); install openssh-client.");
        }

        return result.ExitCode == 0
            ? result.Stdout
            : throw new InvalidOperationException($"ssh-keygen failed with exit status {result.ExitCode}: {result.Stderr.Trim()}");
    }
}
