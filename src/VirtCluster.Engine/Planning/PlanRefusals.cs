using VirtCluster.Engine.Model;
using VirtCluster.Engine.State;

namespace VirtCluster.Engine.Planning;

/// <summary>
/// The steps a plan must not take, because the options recorded or declared forbid them: deleting or replacing a
/// protected resource, and replacing a retained one (its replacement would take the old object's name, and the
/// provider would adopt the old object instead of creating a new one). Checked on the whole plan before anything
/// changes, so a run is refused entirely rather than stopped halfway; apply checks each step again.
/// </summary>
public static class PlanRefusals
{
    /// <summary>The plan with its refusals filled in for <paramref name="verb"/> (<c>up</c> or <c>destroy</c>).</summary>
    public static Plan Check(Plan plan, string verb)
    {
        var refusals = plan.Steps.Select(s => Of(s.Kind, s.Urn, s.Old, s.Declaration, verb)).OfType<string>().ToList();
        return refusals.Count == 0 ? plan : plan with { Refusals = refusals };
    }

    /// <summary>Why this step must not be taken, naming the resource and the fix; null when it may.</summary>
    public static string? Of(StepKind kind, Urn urn, ResourceState? old, ResourceDeclaration? declaration, string verb) => kind switch
    {
        StepKind.Delete when old?.Options.Protect == true && verb == "destroy" =>
            $"{urn} is protected; set Protect = false in the program and run up, then destroy",
        StepKind.Delete when old?.Options.Protect == true =>
            $"{urn} is protected and the program no longer declares it, so up would delete it; declare it again with Protect = false and run up, then remove it",

        // As in Pulumi, unprotecting and replacing may happen in one run: only a resource protected in state and in
        // the program is refused.
        StepKind.Replace when old?.Options.Protect == true && declaration?.Options.Protect == true =>
            $"{urn} is protected and up would replace it; set Protect = false in the program and run up",
        StepKind.Replace when declaration?.Options.RetainOnDelete == true =>
            $"{urn} has RetainOnDelete and up would replace it, but the replacement would take the retained object's name; set RetainOnDelete = false in the program to replace it, or give it a new name to keep the old object",
        _ => null,
    };
}
