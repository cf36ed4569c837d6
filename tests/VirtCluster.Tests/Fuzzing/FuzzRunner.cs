using System.Diagnostics;

namespace VirtCluster.Tests.Fuzzing;

/// <summary>
/// Feeds seeded mutations of real inputs to one target on a worker thread, within a time budget, while the calling
/// thread watches for a case that hangs. Case <c>i</c> mutates seed input <c>i % inputs</c> with <c>new Random(i)</c>,
/// so every failure is reproducible from the numbers in its message.
/// </summary>
internal sealed class FuzzRunner
{
    /// <summary>The number of cases each target aims for; the budget only stops a run on an unusually slow machine.</summary>
    public const int Cases = 10_000;

    /// <summary>Below this many cases the run says too little, and the test fails rather than pass on luck.</summary>
    public const int MinimumCases = 1_000;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(5);

    private readonly List<string> _failures = [];
    private long _caseStartedTicks;
    private int _current = -1;

    /// <param name="name">Names the target in dumped inputs.</param>
    /// <param name="inputs">The real inputs that are mutated.</param>
    /// <param name="expected">The exception types the target documents for bad input.</param>
    /// <param name="target">Consumes one input; returns normally when it accepts it.</param>
    public FuzzRunner(string name, IReadOnlyList<string> inputs, IReadOnlyList<Type> expected, Action<string> target)
    {
        Name = name;
        Inputs = inputs.Count > 0 ? inputs : throw new ArgumentException("no seed inputs", nameof(inputs));
        Expected = expected;
        Target = target;
    }

    private string Name { get; }

    private IReadOnlyList<string> Inputs { get; }

    private IReadOnlyList<Type> Expected { get; }

    private Action<string> Target { get; }

    /// <summary>Runs the cases; throws when a case hangs. Unexpected exceptions are collected in the report.</summary>
    public FuzzReport Run()
    {
        var clock = Stopwatch.StartNew();
        var accepted = 0;
        var rejected = 0;
        var ran = 0;
        var unexpected = 0;
        var slowest = (Case: -1, Took: TimeSpan.Zero);
        var worker = new Thread(() =>
        {
            for (var i = 0; i < Cases && clock.Elapsed < Budget; i++)
            {
                var input = Mutator.Mutate(Inputs[i % Inputs.Count], new Random(i));
                Volatile.Write(ref _caseStartedTicks, clock.Elapsed.Ticks);
                Volatile.Write(ref _current, i);
                var outcome = RunCase(i, input);
                var took = clock.Elapsed - TimeSpan.FromTicks(Volatile.Read(ref _caseStartedTicks));
                if (took > slowest.Took)
                {
                    slowest = (i, took);
                }

                switch (outcome)
                {
                    case true: accepted++; break;
                    case false: rejected++; break;
                    default: unexpected++; break;
                }

                ran = i + 1;
            }

            Volatile.Write(ref _current, -1);
        })
        { IsBackground = true, Name = "fuzz" };
        worker.Start();
        while (!worker.Join(TimeSpan.FromMilliseconds(100)))
        {
            var current = Volatile.Read(ref _current);
            var running = clock.Elapsed - TimeSpan.FromTicks(Volatile.Read(ref _caseStartedTicks));
            if (current >= 0 && running > CaseTimeout && current == Volatile.Read(ref _current))
            {
                // The hung worker is a background thread: it cannot be stopped, but it does not keep the process alive.
                throw new TimeoutException($"case {current} (seed input {current % Inputs.Count}) ran longer than {CaseTimeout.TotalSeconds} s");
            }
        }

        return new FuzzReport(ran, accepted, rejected, unexpected, clock.Elapsed, slowest, _failures);
    }

    /// <returns>True when accepted, false when refused with a documented exception, null when it failed otherwise.</returns>
    private bool? RunCase(int index, string input)
    {
        try
        {
            Target(input);
            return true;
        }
        catch (Exception e) when (Expected.Contains(e.GetType()))
        {
            return false;
        }
        catch (Exception e)
        {
            if (_failures.Count < 10)
            {
                Dump(index, input);
                _failures.Add($"case {index} (seed input {index % Inputs.Count}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            return null;
        }
    }

    /// <summary>With VIRTCLUSTER_FUZZ_DUMP set to a folder, each failing input is saved there to be replayed by hand.</summary>
    private void Dump(int index, string input)
    {
        if (Environment.GetEnvironmentVariable("VIRTCLUSTER_FUZZ_DUMP") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, $"{Name}-case-{index}.txt"), input);
        }
    }
}
