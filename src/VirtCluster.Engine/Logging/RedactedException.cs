namespace VirtCluster.Engine.Logging;

/// <summary>Stands in for a logged exception whose text holds a secret: same type name and stack, secret masked.</summary>
internal sealed class RedactedException(Exception original, SecretRedactor redactor) : Exception(redactor.Redact(original.Message))
{
    public override string ToString() => redactor.Redact(original.ToString());
}
