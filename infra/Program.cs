// The stack's program: declares the virtual cluster on the stack's hosts and exports what users read back.
// Run it through the launcher: ./virtcluster preview|up|destroy|refresh|stack output --stack NAME
using VirtCluster.App;

using var app = new VirtClusterApp();
return await app.RunAsync(args, stack =>
{
    var spec = VirtClusterApp.Spec(stack);
    var nodes = app.DeclareCluster(stack, spec);
    stack.Export("nodeCount", nodes.Count);
});
