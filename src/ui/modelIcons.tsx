/** The icon and colour of each barcode model, shared by badges and cards. */
import {
  IconBuildingFactory2,
  IconMapPin,
  IconPackage,
  IconPackageExport,
  IconShape,
  IconShoppingCart,
  IconTools,
  IconTruck,
  IconTruckDelivery,
  IconTruckReturn,
  IconBarcode,
  type Icon,
} from '@tabler/icons-react';
import type { BarcodeModel } from '../api/models.ts';

export const MODEL_ICONS: Record<BarcodeModel, Icon> = {
  build: IconTools,
  manufacturerpart: IconBuildingFactory2,
  supplierpart: IconTruckDelivery,
  purchaseorder: IconShoppingCart,
  salesorder: IconTruck,
  returnorder: IconTruckReturn,
  part: IconShape,
  stocklocation: IconMapPin,
  stockitem: IconPackage,
  salesordershipment: IconPackageExport,
};

export const MODEL_COLORS: Record<BarcodeModel, string> = {
  build: 'grape',
  manufacturerpart: 'indigo',
  supplierpart: 'cyan',
  purchaseorder: 'orange',
  salesorder: 'teal',
  returnorder: 'pink',
  part: 'blue',
  stocklocation: 'lime',
  stockitem: 'green',
  salesordershipment: 'teal',
};

export function modelIcon(model: BarcodeModel | null): Icon {
  return model ? MODEL_ICONS[model] : IconBarcode;
}
