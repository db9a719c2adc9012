# Latency (p50, p99) and completed orders per second against concurrency, in memory and on dynalite.
# Called by scripts/bench.sh: gnuplot -e "memory='...'; dynalite='...'; out='...'" benchmarks/report/e2e.gnuplot
set terminal pngcairo size 1200,520 font "DejaVu Sans,10" noenhanced
set output out
set multiplot layout 1,2 title "OrderProcessing local host under wrk: POST /orders latency and end-to-end throughput"
set grid
set key top left
set logscale x 2
set xtics (1, 4, 16, 64)
set xlabel "concurrent connections (wrk)"

set title "POST /orders latency"
set ylabel "milliseconds"
set logscale y
plot memory   using 1:2 with linespoints lw 2 pt 7 title "in memory p50", \
     memory   using 1:3 with linespoints lw 2 pt 5 title "in memory p99", \
     dynalite using 1:2 with linespoints lw 2 pt 6 dt 2 title "dynalite p50", \
     dynalite using 1:3 with linespoints lw 2 pt 4 dt 2 title "dynalite p99"

unset logscale y
set title "orders per second"
set ylabel "orders / s"
set yrange [0:*]
plot memory   using 1:4 with linespoints lw 2 pt 7 title "in memory: completed (POST to COMPLETED)", \
     memory   using 1:5 with linespoints lw 2 pt 5 title "in memory: POST 201/s", \
     dynalite using 1:4 with linespoints lw 2 pt 6 dt 2 title "dynalite: completed", \
     dynalite using 1:5 with linespoints lw 2 pt 4 dt 2 title "dynalite: POST 201/s"
unset multiplot
