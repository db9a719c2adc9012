using OrderProcessing.Infra.Plan.Diagrams;

// The architecture picture's DOT on standard output; the script writes it to docs/ and renders it with Graphviz.
Console.Out.Write(ArchitectureGraph.Dot());
