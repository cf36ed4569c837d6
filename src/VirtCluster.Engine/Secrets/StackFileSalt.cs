using VirtCluster.Engine.Config;

namespace VirtCluster.Engine.Secrets;

/// <summary>Reads the <c>encryptionsalt:</c> line of a stack file, without checking the rest of the file.</summary>
internal static class StackFileSalt
{
    public static ConfigScalar? Read(string path, string file)
    {
        if (YamlConfigReader.Parse(File.ReadAllText(path), file) is not ConfigMapping root
            || root[StackConfigLoader.SaltKey] is not { } node)
        {
            return null;
        }

        return node is ConfigScalar { IsNull: false } scalar
            ? scalar
            : throw new ConfigException(node.Location, StackConfigLoader.SaltKey, "expected the text written by 'config set --secret' (v1:SALT:v1:CHECK)");
    }
}
