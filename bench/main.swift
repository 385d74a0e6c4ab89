print("reel-bench: under construction")
