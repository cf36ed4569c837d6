namespace VirtCluster.Engine.Model;

/// <summary>
/// The program in <c>infra/</c>: it only declares resources and outputs on the builder it is handed, so the
/// engine can run it for every verb that plans (preview, up) and compare what it declares with recorded state.
/// It may await (reading host facts, say) and stops when the run is cancelled.
/// </summary>
public delegate Task StackProgram(StackBuilder stack, CancellationToken cancellationToken);
