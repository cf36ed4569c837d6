namespace VirtCluster.Engine.Model;

/// <summary>
/// The program in <c>infra/</c>: it only declares resources and outputs on the builder it is handed, so the
/// engine can run it for every verb (preview, up, destroy) and compare what it declares with recorded state.
/// </summary>
public delegate void StackProgram(StackBuilder stack);
