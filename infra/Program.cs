Console.WriteLine("virtcluster: not wired yet");
return 0;
