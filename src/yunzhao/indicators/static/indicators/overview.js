/* The overview's charts: one ECharts chart per indicator, drawn from the same figures as its table.
   The chart element is dir="ltr" (SVG text anchors flip under an inherited rtl); the options mirror it.
   Without JavaScript the tables alone show the figures; with it, each chart appears and its
   table folds into its <details>. Right-to-left pages run the time axis from the right. */
(function () {
  "use strict";
  var source = document.getElementById("overview-charts");
  if (!source || typeof echarts === "undefined") return;
  var charts = JSON.parse(source.textContent);
  var locales = { "zh-hans": "zh-Hans-CN", ar: "ar-u-nu-latn" };
  var drawn = [];

  function formatter(locale, decimals) {
    var format = new Intl.NumberFormat(locales[locale] || locale || undefined, {
      maximumFractionDigits: decimals,
    });
    return function (value) {
      return value === null || value === undefined ? "—" : format.format(value);
    };
  }

  Object.keys(charts).forEach(function (id) {
    var element = document.getElementById(id);
    if (!element) return;
    var data = charts[id];
    var rtl = data.rtl;
    var number = formatter(data.locale, data.decimals);
    var percent = formatter(data.locale, 1);
    element.hidden = false;
    var chart = echarts.init(element, null, { renderer: "svg" });
    chart.setOption({
      aria: { enabled: false },
      animation: false,
      textStyle: { fontFamily: "inherit" },
      grid: { left: 16, right: 16, top: 24, bottom: 8, containLabel: true },
      legend: { show: false },
      tooltip: {
        trigger: "axis",
        valueFormatter: function (value) {
          return number(value);
        },
      },
      xAxis: { type: "category", data: data.labels, inverse: rtl },
      yAxis: [
        {
          type: "value",
          position: rtl ? "right" : "left",
          axisLabel: { formatter: number },
        },
        {
          type: "value",
          position: rtl ? "left" : "right",
          splitLine: { show: false },
          axisLabel: {
            formatter: function (value) {
              return percent(value) + "%";
            },
          },
        },
      ],
      series: [
        { name: data.name, type: "bar", data: data.values, itemStyle: { color: "#1f5fa8" } },
        {
          name: data.yoyName,
          type: "line",
          yAxisIndex: 1,
          data: data.yoy,
          itemStyle: { color: "#c2410c" },
          connectNulls: false,
        },
      ],
    });
    drawn.push(chart);
    var legend = element.parentNode.querySelector("[data-chart-legend]");
    if (legend) legend.hidden = false;
    var table = element.parentNode.querySelector("[data-chart-table]");
    if (table) table.open = false;
  });

  window.addEventListener("resize", function () {
    drawn.forEach(function (chart) {
      chart.resize();
    });
  });
})();
