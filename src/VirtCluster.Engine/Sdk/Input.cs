using System.Collections;
using System.Collections.Immutable;

namespace VirtCluster.Sdk;

/// <summary>An input of any type, as the engine handles it.</summary>
internal interface IInput
{
    OutputNode Node { get; }
}

/// <summary>
/// A resource argument: a plain value or another resource's output (Pulumi's <c>Input&lt;T&gt;</c>). Both convert
/// implicitly, so <c>Vcpus = 8</c> and <c>Vcpus = host.Cores</c> read the same.
/// </summary>
public class Input<T> : IInput
{
    private protected Input(Output<T> output)
    {
        Output = output;
    }

    OutputNode IInput.Node => Output.Node;

    private protected Output<T> Output { get; set; }

    public static implicit operator Input<T>(T value) => new(Sdk.Output.Create(value));

    public static implicit operator Input<T>(Output<T> value) => new(value);

    public Output<T> ToOutput() => Output;

    public Output<U> Apply<U>(Func<T, U> func) => Output.Apply(func);
}

/// <summary>A list argument whose items may be outputs (Pulumi's <c>InputList&lt;T&gt;</c>); written with a collection initializer.</summary>
public sealed class InputList<T> : Input<ImmutableArray<T>>, IEnumerable
{
    private readonly List<Input<T>> _items = [];

    public InputList()
        : base(Sdk.Output.Create(ImmutableArray<T>.Empty))
    {
    }

    public void Add(Input<T> item)
    {
        _items.Add(item);
        Output = Sdk.Output.All(_items);
    }

    public void AddRange(IEnumerable<Input<T>> items)
    {
        foreach (var item in items)
        {
            Add(item);
        }
    }

    public static implicit operator InputList<T>(T[] values) => From(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(List<T> values) => From(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(ImmutableArray<T> values) => From(values.Select(v => (Input<T>)v));

    public static implicit operator InputList<T>(Output<ImmutableArray<T>> values) => new() { Output = values };

    public static implicit operator InputList<T>(Output<T[]> values) => new() { Output = values.Apply(v => v.ToImmutableArray()) };

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    private static InputList<T> From(IEnumerable<Input<T>> items)
    {
        var list = new InputList<T>();
        list.AddRange(items);
        return list;
    }
}

/// <summary>A map argument whose values may be outputs (Pulumi's <c>InputMap&lt;T&gt;</c>).</summary>
public sealed class InputMap<T> : Input<ImmutableDictionary<string, T>>, IEnumerable
{
    private readonly List<KeyValuePair<string, Input<T>>> _items = [];

    public InputMap()
        : base(Sdk.Output.Create(ImmutableDictionary<string, T>.Empty))
    {
    }

    public Input<T> this[string key]
    {
        set => Add(key, value);
    }

    public void Add(string key, Input<T> value)
    {
        _items.RemoveAll(p => p.Key == key);
        _items.Add(new(key, value));
        var keys = _items.Select(p => p.Key).ToList();
        Output = Sdk.Output.All(_items.Select(p => p.Value))
            .Apply(values => keys.Zip(values).ToImmutableDictionary(p => p.First, p => p.Second, StringComparer.Ordinal));
    }

    public static implicit operator InputMap<T>(Dictionary<string, T> values)
    {
        var map = new InputMap<T>();
        foreach (var (key, value) in values)
        {
            map.Add(key, value);
        }

        return map;
    }

    public static implicit operator InputMap<T>(Output<ImmutableDictionary<string, T>> values) => new() { Output = values };

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
