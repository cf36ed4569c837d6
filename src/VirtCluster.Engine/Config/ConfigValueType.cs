namespace VirtCluster.Engine.Config;

/// <summary>The value types a <c>Pulumi.yaml</c> config schema can declare (Pulumi's own names).</summary>
public enum ConfigValueType
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
}
