using VirtCluster.Engine.Config;

namespace VirtCluster.Engine.Logging;

/// <summary>
/// Masks registered secret strings as <c>[secret]</c> wherever they would be written: the application registers
/// every decrypted secret here, and both log sinks pass their events through it, so a secret that reaches a message,
/// a property or an exception text (a command line, a URI) is still never written out.
/// </summary>
public sealed class SecretRedactor
{
    public const string Mask = "[secret]";

    private readonly object _gate = new();
    private string[] _secrets = [];

    /// <summary>The redactor <see cref="EngineLogging.Configure(int, string?)"/> uses, shared by the whole run.</summary>
    public static SecretRedactor Process { get; } = new();

    public bool IsEmpty => Volatile.Read(ref _secrets).Length == 0;

    public void Register(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so that a secret containing another one is masked whole.
                Volatile.Write(ref _secrets, [.. _secrets.Append(secret).OrderByDescending(s => s.Length)]);
            }
        }
    }

    /// <summary>Registers every secret value of a loaded stack.</summary>
    public void RegisterSecretsOf(StackConfig config)
    {
        foreach (var key in config.Keys)
        {
            if (config.Get(key) is ConfigSecret secret)
            {
                Register(secret.PlainText);
            }
        }
    }

    public bool Contains(string text)
    {
        foreach (var secret in Volatile.Read(ref _secrets))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public string Redact(string text)
    {
        foreach (var secret in Volatile.Read(ref _secrets))
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }
}
