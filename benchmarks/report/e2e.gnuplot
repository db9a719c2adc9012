# Completed orders and POST 201s per second against wrk's concurrency (closed loop: capacity, not latency), in memory
# and on dynalite. Latency is measured separately at a fixed offered rate (BENCHMARKS.md, "Latency at a fixed rate").
# Called by scripts/bench.sh: gnuplot -e "memory='...'; dynalite='...'; out='...'" benchmarks/report/e2e.gnuplot
set terminal pngcairo size 800,520 font "DejaVu Sans,10" noenhanced
set output out
set grid
set key top left
set logscale x 2
set xtics (1, 4, 16, 64)
set xlabel "concurrent connections (wrk, closed loop)"
set title "OrderProcessing local host under wrk: orders per second"
set ylabel "orders / s"
set yrange [0:*]
plot memory   using 1:4 with linespoints lw 2 pt 7 title "in memory: completed (POST to COMPLETED)", \
     memory   using 1:5 with linespoints lw 2 pt 5 title "in memory: POST 201/s", \
     dynalite using 1:4 with linespoints lw 2 pt 6 dt 2 title "dynalite: completed", \
     dynalite using 1:5 with linespoints lw 2 pt 4 dt 2 title "dynalite: POST 201/s"
